// Per-file setup for server tests. Each test file builds its own app on the shared database
// (see test/app.ts); nothing global is mutated here.
export {};
