// Kept for tools and scripts that name the old file: the internal site's config is astro.config.mjs.
export { default } from './astro.config.mjs';
