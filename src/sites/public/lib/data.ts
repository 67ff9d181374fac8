import { loadContent } from '../../../engine/load.ts';
import { publicProjection, type PublicProjection } from '../../../views/public.ts';
import { contentRoot } from '../../shared/env.ts';

/**
 * The public site's only door to the content. It loads the content root and
 * hands back the public projection alone: the full content (owners, flags,
 * bugs, bodies, features that are not public) goes out of scope right here,
 * so no page, component or endpoint of the public site can reach it.
 * test/public/boundary.test.ts checks that nothing under src/sites/public/
 * imports the loader or the content model except this file.
 */

const cache = new Map<string, PublicProjection>();

export function publicData(root: string = contentRoot()): PublicProjection {
  let projection = cache.get(root);
  if (!projection) {
    const load = loadContent(root);
    if (!load.content) throw new Error(`content root ${root} is not valid: run \`npm run validate\` for details`);
    projection = publicProjection(load.content);
    cache.set(root, projection);
  }
  return projection;
}
