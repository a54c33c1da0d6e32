/** Entry point: `npm start` runs this after the build. */
import { startServer } from './app.js';
import { readConfig } from './config.js';

const config = readConfig();
const running = await startServer(config);
console.log(`admissions-chat demo:  ${running.url}/
callback requests:     ${running.inboxUrl}
database:              ${config.dataDir}/callbacks.sqlite`);
if (config.admissionsTokenGenerated) {
  console.log(`inbox token:           ${config.admissionsToken}
                       (made up for this run; set ADMISSIONS_TOKEN to keep one)`);
}
if (!running.config.notify.webhookUrl && !running.config.notify.smtpUrl) {
  console.log('notifications:         none (set NOTIFY_WEBHOOK_URL or SMTP_URL and NOTIFY_EMAIL_TO)');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.stop().then(() => process.exit(0));
  });
}
