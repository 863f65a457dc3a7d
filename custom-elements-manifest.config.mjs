// The analyzer reads `dispatchEvent(new CustomEvent(name))` in SfElement.emit as an event
// literally called "name"; the real events are documented with @event on each element.
const dropGenericEmit = () => ({
  name: 'drop-generic-emit',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules) {
      for (const declaration of mod.declarations ?? []) {
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.name !== 'name');
      }
    }
  },
});

export default {
  litelement: true,
  globs: ['components/**/*.ts'],
  exclude: ['components/**/*.styles.ts', 'components/index.ts'],
  plugins: [dropGenericEmit()],
};
