-- Uploaded files: photos of cases (处置前/处置后), citizen reports and Open311 media.
-- The bytes live in the row so both backends behave identically and an upload commits atomically
-- with its audit entry. Scale-out path: S3-compatible object storage behind the same FileStore
-- interface (src/files/store.ts); that future migration makes `data` nullable and adds a key.
-- Every stored image is already normalized: re-encoded JPEG, metadata (EXIF incl. GPS) stripped.
CREATE TABLE files (
  id                  uuid PRIMARY KEY,
  purpose             text NOT NULL CHECK (purpose ~ '^[a-z][a-z0-9_]{1,49}$'),
  content_type        text NOT NULL CHECK (content_type ~ '^[a-z]+/[a-z0-9.+-]+$'),
  byte_size           integer NOT NULL CHECK (byte_size > 0),
  width               integer CHECK (width > 0),
  height              integer CHECK (height > 0),
  sha256              text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  data                bytea NOT NULL,
  -- A small preview (JPEG, at most 320 px a side); absent for files that are not images.
  thumbnail           bytea,
  thumbnail_byte_size integer CHECK (thumbnail_byte_size > 0),
  thumbnail_width     integer CHECK (thumbnail_width > 0),
  thumbnail_height    integer CHECK (thumbnail_height > 0),
  thumbnail_sha256    text CHECK (thumbnail_sha256 ~ '^[0-9a-f]{64}$'),
  original_name       text CHECK (char_length(original_name) BETWEEN 1 AND 200),
  created_by_user_id  integer REFERENCES users(id) ON DELETE SET NULL,
  created_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (byte_size = octet_length(data)),
  CHECK ((width IS NULL) = (height IS NULL)),
  CHECK (
    (thumbnail IS NULL AND thumbnail_byte_size IS NULL AND thumbnail_width IS NULL
      AND thumbnail_height IS NULL AND thumbnail_sha256 IS NULL)
    OR (thumbnail IS NOT NULL AND thumbnail_byte_size = octet_length(thumbnail) AND thumbnail_width IS NOT NULL
      AND thumbnail_height IS NOT NULL AND thumbnail_sha256 IS NOT NULL)
  )
);

-- One row per uploader, purpose and content: a phone retrying an upload gets the same file back.
-- Anonymous uploads (NULL uploader) are never merged, since NULLs are distinct in a unique index.
CREATE UNIQUE INDEX files_dedupe_idx ON files (created_by_user_id, purpose, sha256);

-- JPEG does not compress further: store out of line without trying to.
ALTER TABLE files ALTER COLUMN data SET STORAGE EXTERNAL;
ALTER TABLE files ALTER COLUMN thumbnail SET STORAGE EXTERNAL;
