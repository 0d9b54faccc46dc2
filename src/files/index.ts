/** The files module's public door: image uploads, their bytes, and the hook for linking modules. */
export { fileRoutes } from './routes.js';
export {
  FILE_PURPOSES,
  filesNotAttachableBy,
  getReadableFile,
  prepareImage,
  readFile,
  storeImage,
  storeImages,
  type FilePurpose,
  type PreparedImage,
  type StoreImageInput,
  type StoredFile,
} from './service.js';
export { DEFAULT_IMAGE_LIMITS, normalizeImage, type ImageLimits, type NormalizedImage } from './images.js';
export { cacheHeaders, contentHeaders, etagOf, ifNoneMatchHits } from './delivery.js';
export { DEFAULT_UPLOAD_LIMITS, readImageUploads, type UploadLimits } from './upload.js';
export { mayReadFile, registerFileAccessRule, type FileAccessRule } from './policy.js';
export {
  databaseFileStore,
  type FileContent,
  type FileMeta,
  type FileStore,
  type FileVariant,
} from './store.js';
export { filesModule } from './module.js';
export type { FileTables } from './tables.js';
