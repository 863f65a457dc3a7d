// Finds a Chrome/Chromium for the tests: CHROME_PATH first, then the usual install paths.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChrome() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but no file is there.`);
  }
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** Installs Debian's chromium where that is possible (Debian/Ubuntu, as root); else explains. */
export function ensureChrome() {
  const found = findChrome();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (process.platform === 'linux' && isRoot && hasApt) {
    console.log("No Chrome/Chromium found: installing Debian's chromium (apt-get install -y chromium)...");
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findChrome();
    if (installed) return installed;
  }
  console.error(
    [
      'The tests run in a real Chrome or Chromium, and none was found.',
      'Install one, then run npm test again:',
      '  Debian/Ubuntu:  sudo apt-get install chromium   (or chromium-browser)',
      '  macOS:          install Google Chrome from google.com/chrome',
      '  any system:     set CHROME_PATH=/path/to/chrome',
    ].join('\n'),
  );
  process.exit(1);
}

export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(ensureChrome());
}
