// The layering of packages/*/src, checked by `pnpm test` (docs/architecture.md draws it).
// Each package's layers import only from the layers listed before them (and from themselves);
// no import circles anywhere; Node's built-in modules only where files, processes and threads are.

/** @heapdiff/core, bottom to top. */
const CORE = ['errors', 'graph', 'parse', 'algorithms', 'naming', 'analysis', 'queries', 'present', 'load', 'threads', 'leak-test'];
/** The CLI, bottom to top: a folder or a top-level file per layer. */
const CLI = [
  ['errors\\.ts', 'package-root\\.ts'],
  ['args', 'output'],
  ['json'],
  ['load'],
  ['drawings', 'record'],
  ['commands'],
  ['main\\.ts', 'schemas\\.ts'],
  ['bin\\.ts'],
];

const alt = (names) => `(${names.join('|')})`;

function layerRules(pkg, layers) {
  return layers.slice(0, -1).map((layer, i) => ({
    name: `${pkg}-layer-${[].concat(layer).join('+').replace(/\\\./g, '.')}`,
    comment: `packages/${pkg}/src: a lower layer imports from a higher one`,
    severity: 'error',
    from: { path: `^packages/${pkg}/src/${alt([].concat(layer))}(/|$)` },
    to: { path: `^packages/${pkg}/src/${alt(layers.slice(i + 1).flat())}(/|$)` },
  }));
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import circle: one of its imports points the wrong way',
      severity: 'error',
      from: { path: '^packages/[^/]+/src/' },
      to: { circular: true },
    },
    ...layerRules('core', CORE),
    ...layerRules('cli', CLI),
    {
      name: 'core-entry-is-last',
      comment: 'Nothing in core imports its public entry points',
      severity: 'error',
      from: { path: '^packages/core/src/' },
      to: { path: '^packages/core/src/index\\.ts$' },
    },
    {
      name: 'core-node-builtins',
      comment: "Node's built-in modules belong in core's load/ and threads/ layers",
      severity: 'error',
      from: { path: '^packages/core/src/', pathNot: ['^packages/core/src/(load|threads)/', '\\.test\\.ts$'] },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'graphviz-export-node-builtins',
      comment: 'graphviz-export turns graphs into drawings; files are the CLI\'s business',
      severity: 'error',
      from: { path: '^packages/graphviz-export/src/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'packages-import-downward',
      comment: 'core ← graphviz-export ← cli: a package never imports one above it',
      severity: 'error',
      from: { path: '^packages/(core|graphviz-export)/' },
      to: { path: '^packages/cli/|heapdiff$' },
    },
    {
      name: 'core-imports-no-package',
      severity: 'error',
      from: { path: '^packages/core/' },
      to: { path: '^packages/(cli|graphviz-export)/|@heapdiff/(cli|graphviz-export)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|bundle|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'types', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
