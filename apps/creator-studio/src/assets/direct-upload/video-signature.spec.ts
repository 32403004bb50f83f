import { sniffVideoContainer } from './video-signature';

const bytes = (text: string, size = 512): Buffer => {
  const head = Buffer.alloc(size);
  Buffer.from(text, 'latin1').copy(head);
  return head;
};

describe('sniffVideoContainer', () => {
  it('recognises the video containers by their first bytes', () => {
    expect(sniffVideoContainer(bytes('\0\0\0\x18ftypisom'))).toBe('mp4');
    expect(sniffVideoContainer(bytes('\0\0\0\x14ftypqt  '))).toBe('mp4');
    expect(sniffVideoContainer(bytes('\x1a\x45\xdf\xa3\x9f\x42\x86\x81'))).toBe('matroska');
    expect(sniffVideoContainer(bytes('RIFF\0\0\0\0AVI LIST'))).toBe('avi');
    const ts = Buffer.alloc(376);
    ts[0] = 0x47;
    ts[188] = 0x47;
    expect(sniffVideoContainer(ts)).toBe('mpeg-ts');
    expect(sniffVideoContainer(bytes('\0\0\x01\xba'))).toBe('mpeg-ps');
    expect(sniffVideoContainer(bytes('FLV\x01\x05'))).toBe('flv');
    expect(sniffVideoContainer(bytes('OggS\0\x02'))).toBe('ogg');
  });

  it('refuses text, images, documents and short files', () => {
    for (const head of [
      bytes('hello world'),
      bytes('\x89PNG\r\n\x1a\n'),
      bytes('%PDF-1.7'),
      bytes('RIFF\0\0\0\0WAVEfmt '),
      Buffer.from('ftyp'),
      Buffer.alloc(0),
    ])
      expect(sniffVideoContainer(head)).toBeNull();
    const notTs = Buffer.alloc(376);
    notTs[0] = 0x47;
    expect(sniffVideoContainer(notTs)).toBeNull();
  });
});
