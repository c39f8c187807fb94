// `cem analyze` reads this file. The policy elements are LitElements, which the analyzer's
// Lit support reads as they are. The first-layer elements extend SamtykkeElement, whose
// `static properties` give each property a kind as a number (or an attribute name as a
// string) to keep dist/samtykke.js small; the plugin below turns those into the manifest's
// attributes, so it documents `policy-url` and not `policyUrl`, and no attribute at all for
// property-only fields such as `categories`.

/** The kinds of src/components/samtykke-element.ts, by the names the sources use. */
const KINDS = { PROPERTY: 0, ATTRIBUTE: 1, REFLECT: 2, BOOLEAN: 3 };

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
function samtykkeProperties() {
  /** class name → property name → kind (number) or attribute name (string) */
  const declared = new Map();
  /** class name → the class it extends */
  const parents = new Map();

  /** The kinds a class declares, its ancestors' first. */
  const kindsOf = (name) => (name ? { ...kindsOf(parents.get(name)), ...(declared.get(name) ?? {}) } : {});

  return {
    name: 'samtykke-properties',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const className = node.name.text;
      const heritage = node.heritageClauses?.[0]?.types[0]?.expression;
      if (heritage && ts.isIdentifier(heritage)) parents.set(className, heritage.text);
      const member = node.members.find((m) => ts.isPropertyDeclaration(m) && m.name.getText() === 'properties' && m.initializer);
      if (!member || !ts.isObjectLiteralExpression(member.initializer)) return;
      const kinds = {};
      for (const p of member.initializer.properties) {
        if (!ts.isPropertyAssignment(p)) continue; // `...Base.properties`: taken from the base
        const init = p.initializer;
        if (ts.isNumericLiteral(init)) kinds[p.name.getText()] = Number(init.text);
        else if (ts.isIdentifier(init) && init.text in KINDS) kinds[p.name.getText()] = KINDS[init.text];
        else if (ts.isStringLiteral(init)) kinds[p.name.getText()] = init.text;
        else return; // Lit's own option objects: the Lit support reads those
      }
      declared.set(className, kinds);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules)
        for (const cls of mod.declarations ?? []) {
          // SamtykkeElement extends `globalThis.HTMLElement ?? Object` (so that a server can
          // import it), which the analyzer cannot name: in a browser that is HTMLElement.
          if (cls.superclass && !cls.superclass.name) cls.superclass = { name: 'HTMLElement', package: 'global:' };
          if (cls.kind !== 'class' || !declared.has(cls.name)) continue;
          const kinds = kindsOf(cls.name);
          // Not fields a user can reach: symbol-keyed state (`[opener]`), and what the analyzer
          // takes for fields in `this.attachShadow(…).adoptedStyleSheets = …` and `this[values] = …`.
          cls.members = (cls.members ?? []).filter((m) => m.name && !m.name.startsWith('[') && m.name !== 'adoptedStyleSheets');
          const attributes = [];
          for (const m of cls.members) {
            if (!(m.name in kinds)) continue;
            const kind = kinds[m.name];
            delete m.attribute;
            delete m.reflects;
            if (kind === KINDS.PROPERTY) continue;
            m.attribute = typeof kind === 'string' ? kind : m.name;
            if (kind === KINDS.REFLECT) m.reflects = true;
            const attribute = { name: m.attribute, fieldName: m.name };
            if (m.type) attribute.type = m.type;
            if (m.description) attribute.description = m.description;
            if (m.inheritedFrom) attribute.inheritedFrom = m.inheritedFrom;
            attributes.push(attribute);
          }
          if (attributes.length) cls.attributes = attributes;
          else delete cls.attributes;
        }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  litelement: true,
  plugins: [samtykkeProperties()],
};
