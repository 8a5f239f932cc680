// Browser half of cloneable-failures.mjs: after a failed test, an `actual` or `expected` that
// structuredClone() refuses becomes its string form, so the runner still gets the failure.
afterEach(function () {
  const error = this.currentTest?.err;
  if (!error) return;
  for (const key of ['actual', 'expected']) {
    try {
      structuredClone(error[key]);
    } catch {
      error[key] = String(error[key]);
    }
  }
});
