// Writes custom-elements.json (tags, attributes, events, CSS parts and properties from JSDoc),
// read by Storybook autodocs and IDEs.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

execFileSync(
  join('node_modules', '.bin', 'cem'),
  [
    'analyze',
    '--litelement',
    '--quiet',
    '--globs',
    'components/**/*.ts',
    '--exclude',
    'components/**/*.styles.ts',
    '--exclude',
    'components/index.ts',
  ],
  { stdio: 'inherit' },
);
