/** What names a file as a GovRule bundle, and the one version of the format there is. */
export const BUNDLE_FORMAT = 'govrule-bundle';
// 2: campaigns (a top-level list, and each rule's `campaign`); a version-1 bundle is refused.
export const BUNDLE_FORMAT_VERSION = 2;
