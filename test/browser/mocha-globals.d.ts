// The Mocha globals @web/test-runner provides in the page (no @types/mocha in the repo).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => void | Promise<void>): void;
declare namespace it {
  function skip(title: string, body: () => void | Promise<void>): void;
}
declare function before(body: () => void | Promise<void>): void;
declare function after(body: () => void | Promise<void>): void;
