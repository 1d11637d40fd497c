// zod compiles object parsers with `new Function` when it may, and probes that while the
// app's schemas are built; under the portal's Content-Security-Policy (no 'unsafe-eval') the
// probe is a reported violation. Its jitless mode parses without it. This classic script runs
// before the app's modules (and is read from its global configuration), whatever the
// bundler's chunk order.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
