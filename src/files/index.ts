/** The files module's public door: image uploads, their bytes, and the hook for linking modules. */
export { fileRoutes } from './routes.js';
export {
  FILE_PURPOSES,
  MATERIAL_PURPOSES,
  filesNotAttachableBy,
  getCitizenReadableFile,
  isMaterialPurpose,
  materialsNotAttachableBy,
  prepareMaterial,
  storeMaterials,
  type MaterialPurpose,
  type PreparedMaterial,
  type StoreMaterialInput,
  type Uploader,
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
export {
  DEFAULT_MATERIAL_UPLOAD_LIMITS,
  DEFAULT_UPLOAD_LIMITS,
  readImageUploads,
  readMaterialUploads,
  type MaterialUploadLimits,
  type UploadLimits,
} from './upload.js';
export {
  DEFAULT_MATERIAL_LIMITS,
  classifyMaterial,
  inspectPdf,
  threatIn,
  type MaterialLimits,
} from './materials.js';
export {
  citizenMayReadFile,
  mayReadFile,
  registerCitizenFileAccessRule,
  registerFileAccessRule,
  type CitizenFileAccessRule,
  type FileAccessRule,
} from './policy.js';
export {
  databaseFileStore,
  type FileContent,
  type FileMeta,
  type FileStore,
  type FileVariant,
} from './store.js';
export { filesModule } from './module.js';
export type { FileTables } from './tables.js';
