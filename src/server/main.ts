/** Entry point: `npm start` runs this after the build. */
import { startServer } from './app.js';
import { readConfig } from './config.js';

const config = readConfig();
const running = await startServer(config);
console.log(`admissions-chat demo:  ${running.url}/
callback requests:     ${running.url}/admissions
database:              ${config.dataDir}/callbacks.sqlite`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.stop().then(() => process.exit(0));
  });
}
