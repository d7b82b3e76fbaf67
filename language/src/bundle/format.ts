/** What names a file as a GovRule bundle, and the one version of the format there is. */
export const BUNDLE_FORMAT = 'govrule-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
