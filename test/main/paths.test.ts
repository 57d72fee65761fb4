import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseWorkspace, dataDir } from '../../main/paths';

describe('workspace location', () => {
  it('prefers --workspace, then BRIDGEHEAD_WORKSPACE, then the default in the data folder', () => {
    const env = { BRIDGEHEAD_WORKSPACE: '/srv/env.bridgehead', BRIDGEHEAD_DATA_DIR: '/data' };
    expect(chooseWorkspace('flag.bridgehead', env)).toEqual({ path: resolve('flag.bridgehead'), isDefault: false });
    expect(chooseWorkspace(undefined, env)).toEqual({ path: '/srv/env.bridgehead', isDefault: false });
    expect(chooseWorkspace(undefined, { BRIDGEHEAD_DATA_DIR: '/data' })).toEqual({ path: '/data/workspace.bridgehead', isDefault: true });
  });

  it('uses the same per-user folder Electron uses for userData', () => {
    expect(dataDir({ XDG_CONFIG_HOME: '/home/u/.config' }, 'linux')).toBe(join('/home/u/.config', 'Bridgehead'));
    expect(dataDir({ APPDATA: 'C:/Users/u/AppData/Roaming' }, 'win32')).toBe(join('C:/Users/u/AppData/Roaming', 'Bridgehead'));
    expect(dataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Bridgehead$/);
  });
});
