// The Platform API wire shapes the CLI reads live with the platform's, in src/wire/: one contract for
// both sides, so the CLI works unchanged against Heroku itself and against the local platform.
export * from '../../wire/platform-api.js'
