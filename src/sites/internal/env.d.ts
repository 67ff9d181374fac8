declare namespace App {
  interface Locals {
    /** Absolute path of the content file a generated page shows (feature, article): its edit link and date. */
    shiplogSourceFile?: string | undefined;
    /** Set when a page's git date cannot be trusted (see shared/source-info.ts). */
    shiplogLastUpdatedUnknown?: 'shallow-clone' | undefined;
  }
}
