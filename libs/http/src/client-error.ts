import { REQUEST_ID_HEADER } from '@mikasmissions/context';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { toErrorBody } from './error-body';

const CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'headers_too_large', message: 'The request line and headers are too large' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request_timeout', message: 'The request took too long to arrive' },
};
const MALFORMED = {
  status: 400,
  code: 'malformed_request',
  message: 'The request is not valid HTTP/1.1 (e.g. a control character in a header)',
};

/**
 * Answers a request Node's HTTP parser refused (before any adapter saw it) with the platform
 * error body, on Express and Fastify alike: 431 `HEADERS_TOO_LARGE`, 408 `REQUEST_TIMEOUT`,
 * else 400 `MALFORMED_REQUEST`; then closes the connection.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const mapped = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
  const requestId = randomUUID();
  const body = JSON.stringify(toErrorBody(mapped, requestId));
  socket.end(
    `HTTP/1.1 ${mapped.status} ${STATUS_CODES[mapped.status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `${REQUEST_ID_HEADER}: ${requestId}\r\nconnection: close\r\n\r\n${body}`,
  );
}
