import { siteLoad, type SiteLoad } from '../../integration/site-load.ts';

/**
 * The engine's view of the content for the internal pages: the build's one
 * load (see integration/site-load.ts). `npm run build` has already refused
 * content with errors, so what is left to show are warnings.
 */
export type SiteData = SiteLoad;

export function siteData(): SiteData {
  return siteLoad();
}
