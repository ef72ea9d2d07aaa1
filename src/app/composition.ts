/**
 * The registry's composition (permissions, visibility, the projector, timers, reactions), loaded
 * when first needed. The modules import the application; if the application imported them while
 * it loads, which file happened to load first would decide whether a module's parts existed yet.
 */
export const composition = () => import('../modules/composition.js');
