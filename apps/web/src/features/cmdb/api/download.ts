import { errorMessage } from '@opsdesk/contracts';
import {
  API_BASE,
  ApiError,
  errorFromResponse,
  getApiLanguage,
  toQueryString,
} from '../../../app/api/client';
import type { QueryParams } from '../../../app/api/client';

/** The file name of a `Content-Disposition` header (RFC 6266 `filename*` first). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** Hands a Blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads a file the API generates (templates, exports, result files): a GET with the session
 * cookie and the UI language (which chooses the column headers), the API's error envelope on
 * failure, and the server's file name.
 */
export async function downloadFile(
  path: string,
  query: QueryParams = {},
  fallbackName = 'download',
): Promise<string> {
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}${toQueryString(query)}`, {
      credentials: 'same-origin',
      headers: { 'Accept-Language': getApiLanguage() },
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: 'UNAVAILABLE',
      message: errorMessage('UNAVAILABLE', getApiLanguage()),
    });
  }
  if (!res.ok) {
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = undefined;
    }
    throw errorFromResponse(res.status, body, res.headers.get('x-request-id'));
  }
  const name = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  saveBlob(await res.blob(), name);
  return name;
}
