#!/bin/sh
# Prepares MinIO for Inkstream; runs in the minio/mc image. Idempotent.
#  - the bucket,
#  - anonymous read-only access (mc's "download" policy) for the edge, which only ever asks
#    for objects (it maps every path to a key and drops query strings),
#  - the services' own access key, allowed to read and write that bucket only.
set -eu

mc alias set inkstream "$MINIO_URL" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null

mc mb --ignore-existing "inkstream/$BUCKET"
mc anonymous set download "inkstream/$BUCKET"

policy=/tmp/inkstream-services.json
cat > "$policy" <<JSON
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"],
      "Resource": ["arn:aws:s3:::$BUCKET"]
    },
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject",
                 "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
      "Resource": ["arn:aws:s3:::$BUCKET/*"]
    }
  ]
}
JSON
mc admin policy create inkstream inkstream-services "$policy"
mc admin user add inkstream "$S3_ACCESS_KEY" "$S3_SECRET_KEY"
# Attaching a policy that is already attached is an error; on a re-run that is fine. (No grep:
# the mc image is minimal, hence the case.)
if ! mc admin policy attach inkstream inkstream-services --user "$S3_ACCESS_KEY"; then
  case "$(mc admin user info inkstream "$S3_ACCESS_KEY")" in
    *inkstream-services*) echo "policy inkstream-services was already attached" ;;
    *) echo "could not attach policy inkstream-services to $S3_ACCESS_KEY" >&2; exit 1 ;;
  esac
fi
echo "bucket $BUCKET ready: anonymous download, read-write for $S3_ACCESS_KEY"
