// Loaded first on the test pages (an external script: inline ones are blocked by the CSP under test).
// Records CSP / Trusted Types violations and the elements' error events for the test to read.
window.violations = [];
window.maskoErrors = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.violations.push(`${e.violatedDirective} ${e.blockedURI || ''} ${e.sample || ''}`.trim());
});
document.addEventListener(
  'masko-error',
  (e) => {
    window.maskoErrors.push({ id: e.target.id, reason: e.detail.reason, message: e.detail.message });
  },
  true,
);
