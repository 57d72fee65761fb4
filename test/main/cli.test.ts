import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { useTmpDirs } from '../helpers/tmp';

const tmp = useTmpDirs();

describe('bridgehead CLI', () => {
  it('lists its commands in --help', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    for (const command of ['import', 'inventory', 'catalog', 'plan', 'export', 'validate-plan', 'serve', 'workspace']) expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('exits 2 with the reason for a usage error', async () => {
    const { code, stderr } = await cli(['no-such-command']);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown command 'no-such-command'");
  });

  it('honours --workspace and BRIDGEHEAD_WORKSPACE', async () => {
    const dir = tmp();
    const byFlag = await cli(['workspace', 'info', '--json', '--workspace', join(dir, 'flag.bridgehead')]);
    expect(JSON.parse(byFlag.stdout)).toMatchObject({ name: 'flag', isDemo: false });
    const byEnv = await cli(['workspace', 'info', '--json'], { env: { BRIDGEHEAD_WORKSPACE: join(dir, 'env.bridgehead') } });
    expect(JSON.parse(byEnv.stdout)).toMatchObject({ name: 'env', path: join(dir, 'env.bridgehead') });
  });

  it('explains a refused workspace and exits 2', async () => {
    const dir = tmp();
    const { code, stderr } = await cli(['workspace', 'info', '--workspace', join(dir, 'missing', 'x.bridgehead')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Cannot open workspace .*x\.bridgehead: its folder .* does not exist/);
  });

  it('says which port is taken when serve cannot listen', async () => {
    const dir = tmp();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const res = await cli(['serve', '--port', String(port), '--no-build', '--workspace', join(dir, 'ws.bridgehead')]);
      expect(res.code).toBe(2);
      expect(res.stderr).toContain(`Port ${port} on 127.0.0.1 is in use`);
    } finally {
      blocker.close();
    }
  });
});
