import { z } from 'zod';
import { defineRules } from './messages.js';
import { Timestamp } from './common.js';

defineRules({
  'rule.fileTypeNotAllowed': {
    'zh-CN': '不支持该文件类型（允许：图片、PDF、Office 文档、文本、CSV、ZIP）',
    en: 'This file type is not allowed (images, PDF, Office documents, text, CSV and ZIP are)',
  },
  'rule.fileContentMismatch': {
    'zh-CN': '文件内容与扩展名不符',
    en: 'The file content does not match its extension',
  },
  'rule.fileRequired': { 'zh-CN': '请选择要上传的文件', en: 'Choose a file to upload' },
  'rule.fileTooLarge': {
    'zh-CN': '文件不能超过 {maxMb} MB',
    en: 'The file cannot be larger than {maxMb} MB',
  },
  'rule.unknownOwnerType': {
    'zh-CN': '不支持在此类对象上添加附件',
    en: 'Attachments are not supported on this kind of object',
  },
});

export const AttachmentSchema = z
  .object({
    id: z.uuid(),
    ownerType: z.string(),
    ownerId: z.uuid(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    category: z.string().nullable(),
    uploadedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    createdAt: Timestamp,
    /** Downloads as a file; `?inline=1` shows images and PDF in the browser. */
    downloadUrl: z.string(),
    inline: z.boolean(),
    abilities: z.object({ delete: z.boolean() }),
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof AttachmentSchema>;

export const AttachmentOwnerQuery = z.strictObject({
  ownerType: z.string().min(1).max(40),
  ownerId: z.uuid(),
});
export const AttachmentUploadQuery = AttachmentOwnerQuery.extend({
  category: z.string().trim().min(1).max(40).optional(),
});
export const AttachmentList = z.object({ items: z.array(AttachmentSchema) });
export const AttachmentContentQuery = z.strictObject({ inline: z.enum(['1', 'true']).optional() });
