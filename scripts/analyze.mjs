// Writes custom-elements.json (tags, attributes, events, CSS parts and properties from JSDoc),
// read by Storybook autodocs and IDEs. Settings: custom-elements-manifest.config.mjs.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

execFileSync(join('node_modules', '.bin', 'cem'), ['analyze', '--quiet'], { stdio: 'inherit' });
