/** Build the UI once before the browser tests, so no test pays for (or races on) the build. */
import { buildRenderer } from '../../main/server/build-ui';

export default async function globalSetup(): Promise<void> {
  await buildRenderer((line) => console.log(line));
}
