import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Attachment } from '@opsdesk/contracts';
import { ApiError, setCsrfToken } from '../../app/api/client';
import { jsonResponse, pageText, renderWithApp, waitFor } from '../../test/render';
import { AttachmentsCard } from './AttachmentsCard';
import { attachmentApi, formatSize } from './attachments.api';

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockReset();
  setCsrfToken('csrf-xyz');
});
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const photo: Attachment = {
  id: '01900000-0000-7000-8000-0000000000a1',
  ownerType: 'ticket',
  ownerId: '01900000-0000-7000-8000-0000000000b1',
  fileName: '现场照片.jpg',
  contentType: 'image/jpeg',
  sizeBytes: 1536,
  sha256: 'x',
  category: null,
  uploadedBy: { id: '01900000-0000-7000-8000-0000000000c1', displayName: '张工' },
  createdAt: '2026-06-10T02:00:00.000Z',
  downloadUrl: '/api/v1/attachments/01900000-0000-7000-8000-0000000000a1/content',
  inline: true,
  abilities: { delete: false },
};

describe('the attachments client', () => {
  it('uploads one file as the multipart field "file" to its owner, with the CSRF token', async () => {
    fetchMock.mockResolvedValue(jsonResponse(201, photo));
    const file = new File(['jpeg'], '现场照片.jpg', { type: 'image/jpeg' });
    const saved = await attachmentApi.upload(
      { ownerType: 'project', ownerId: 'p-1', category: 'contract' },
      file,
    );
    expect(saved.id).toBe(photo.id);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/attachments?ownerType=project&ownerId=p-1&category=contract');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-xyz');
    const sent = init?.body as FormData;
    expect(sent).toBeInstanceOf(FormData);
    expect((sent.get('file') as File).name).toBe('现场照片.jpg');
  });

  it('reports a refused file as an ApiError with the field problem', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: '提交的内容有误',
          requestId: 'req-7',
          details: { fields: [{ path: 'file', code: 'fileTooLarge', message: '文件不能超过 25 MB' }] },
        },
      }),
    );
    const e = await attachmentApi
      .upload({ ownerType: 'ticket', ownerId: 't-1' }, new File(['x'], 'big.zip'))
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).fields).toEqual([
      { path: 'file', code: 'fileTooLarge', message: '文件不能超过 25 MB' },
    ]);
  });

  it('lists, removes and links the files of an owner', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { items: [photo] }));
    await attachmentApi.list({ ownerType: 'inspection_task', ownerId: 'i-1' });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/v1/attachments?ownerType=inspection_task&ownerId=i-1');
    fetchMock.mockResolvedValue(jsonResponse(200, { ok: true }));
    await attachmentApi.remove('a/1');
    expect(fetchMock.mock.calls[1]![0]).toBe('/api/v1/attachments/a%2F1');
    expect(fetchMock.mock.calls[1]![1]?.method).toBe('DELETE');

    expect(attachmentApi.href(photo)).toBe(photo.downloadUrl);
    expect(attachmentApi.href(photo, true)).toBe(`${photo.downloadUrl}?inline=1`);
    expect(attachmentApi.href({ ...photo, inline: false }, true)).toBe(photo.downloadUrl);
    expect(attachmentApi.contentUrl('a1', true)).toBe('/api/v1/attachments/a1/content?inline=1');
    expect([formatSize(800), formatSize(1536), formatSize(3 * 1024 * 1024)]).toEqual([
      '800 B',
      '2 KB',
      '3.0 MB',
    ]);
  });
});

describe('the attachments card', () => {
  it('shows the files with size and uploader, the upload button only when allowed', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { items: [photo] }));
    const view = await renderWithApp(
      <AttachmentsCard owner={{ ownerType: 'ticket', ownerId: photo.ownerId }} canUpload={false} />,
    );
    await waitFor(() => pageText().includes('现场照片.jpg'));
    expect(pageText()).toContain('附件');
    expect(pageText()).toContain('2 KB · 张工');
    const link = document.querySelector('a[href$="?inline=1"]');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(pageText()).not.toContain('上传');
    expect(document.querySelector('[aria-label="移除"]')).toBeNull();
    await view.unmount();
  });
});
