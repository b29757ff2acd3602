/**
 * The layering of STYLE.md, checked by `npm run lint:arch`: dependencies point inwards.
 *   domain       pure; imports other domain files only, and no I/O
 *   application  use cases; imports domain only
 *   adapters, http, cli   edges: import application and domain, never each other; nothing inner imports them
 *   main.ts      the composition root; nothing imports it
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "domain-imports-only-domain",
      comment: "src/domain is pure: it may import other domain files and libraries, nothing else of ours.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { path: "^(src/(?!domain/)|test/|scripts/|deploy/|types/)" },
    },
    {
      name: "domain-does-no-io",
      comment: "src/domain does no I/O: no file system, network, process or database modules.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: {
        dependencyTypes: ["core"],
        path: "^(node:)?(fs|fs/promises|net|http|https|http2|dgram|dns|child_process|cluster|worker_threads|tls|readline|sqlite|process)$",
      },
    },
    {
      name: "application-imports-only-domain",
      comment: "src/application holds use cases written against ports: it imports domain (and itself), no adapter.",
      severity: "error",
      from: { path: "^src/application/" },
      to: { path: "^(src/(?!(domain|application)/)|test/|scripts/|deploy/)" },
    },
    {
      name: "edges-do-not-import-each-other",
      comment:
        "adapters, http and cli are edges: each imports application and domain, never another edge; " +
        "only the composition root (src/main.ts) wires them together.",
      severity: "error",
      from: { path: "^src/(adapters|http|cli)/" },
      to: { path: "^src/(adapters|http|cli)/", pathNot: "^src/$1/" },
    },
    {
      name: "nothing-imports-main",
      comment:
        "src/main.ts is the composition root; import what it wires, not it. The CLI's own root, src/cli.ts " +
        "(the `tradeseal` command), wires the gateway through it.",
      severity: "error",
      from: { pathNot: "^src/cli\\.ts$" },
      to: { path: "^src/main\\.ts$" },
    },
    {
      name: "src-does-not-import-tests-or-scripts",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(test|scripts)/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that does not resolve is a typo or a missing dependency.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "not-to-dev-dep",
      comment: "Code under src/ runs in production: it may not need a devDependency (type-only imports aside).",
      severity: "error",
      from: { path: "^src/" },
      to: { dependencyTypes: ["npm-dev"], dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(artifacts|cache|types|coverage|data|deploy/deployments)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
