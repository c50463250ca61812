/**
 * A Vite plugin that splits the tablet app's offline copy by role. From the chunk graph of the build it
 * finds what the first load reaches (the entry, its static imports, its stylesheets and any chunk it
 * loads on demand other than the role screens of client/role-screens.ts) and, for each role screen, the
 * chunks only that screen reaches (its own, the ones it imports, their stylesheets). It writes those per
 * screen to `role-screens.json` (URL paths) and answers `isRoleChunk` for the service worker's precache
 * manifest (vite.config.ts drops them from it), so an enumerator's tablet never downloads a staff or
 * analyst chunk in the background; a staff member's tablet caches its role's list after an online login.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { ROLE_SCREENS_MANIFEST, type RoleScreen, SCREEN_MODULES } from '../../client/role-screens.ts';

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
  viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> };
}

export interface RoleChunks {
  plugin: Plugin;
  /** Whether a built file (path relative to the build folder, e.g. `assets/staff-app-x.js`) is a role screen's only. */
  isRoleChunk(file: string): boolean;
}

/** The plugin, and the question the service worker's manifest asks it once the bundle is written. */
export function roleChunks(clientRoot: string): RoleChunks {
  const screenIds = new Map<string, RoleScreen>(
    Object.entries(SCREEN_MODULES).map(([screen, path]) => [resolve(clientRoot, path), screen as RoleScreen]),
  );
  const roleOnly = new Set<string>();
  let base = '/';

  const plugin: Plugin = {
    name: 'morabeza-role-chunks',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    buildStart() {
      roleOnly.clear();
    },
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkLike>();
      for (const out of Object.values(bundle)) {
        if (out.type === 'chunk') chunks.set(out.fileName, out as unknown as ChunkLike);
      }
      const screenOfChunk = (file: string) => {
        const id = chunks.get(file)?.facadeModuleId;
        return id ? screenIds.get(id) : undefined;
      };
      // every file a set of starting chunks reaches (`stopAtScreens`: never through a role screen's lazy
      // import), never past the files of `known` (a screen's imports of the first load lead to the entry)
      const reach = (start: string[], stopAtScreens: boolean, known = new Set<string>()) => {
        const seen = new Set<string>();
        const queue = [...start];
        while (queue.length > 0) {
          const file = queue.pop() as string;
          if (seen.has(file) || known.has(file)) continue;
          seen.add(file);
          const chunk = chunks.get(file);
          if (!chunk) continue;
          const lazy = chunk.dynamicImports.filter((f) => !(stopAtScreens && screenOfChunk(f)));
          queue.push(...chunk.imports, ...lazy);
          queue.push(
            ...(chunk.viteMetadata?.importedCss ?? []),
            ...(chunk.viteMetadata?.importedAssets ?? []),
          );
        }
        return seen;
      };
      const entries = [...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName);
      const firstLoad = reach(entries, true);
      const manifest: Partial<Record<RoleScreen, string[]>> = {};
      for (const [id, screen] of screenIds) {
        const own = [...chunks.values()].find((c) => c.facadeModuleId === id);
        if (!own)
          this.error(`${id} (client/role-screens.ts) is no chunk of its own: is it imported with import()?`);
        if (firstLoad.has(own.fileName)) this.error(`${id} (client/role-screens.ts) is in the first load`);
        const files = [...reach([own.fileName], false, firstLoad)].sort();
        for (const f of files) roleOnly.add(f);
        manifest[screen] = files.map((f) => `${base}${f}`);
      }
      this.emitFile({ type: 'asset', fileName: ROLE_SCREENS_MANIFEST, source: JSON.stringify(manifest) });
    },
  };
  return { plugin, isRoleChunk: (file) => roleOnly.has(file) };
}
