import { avcCodecOf, masterPlaylist, segmentsOf } from './hls-master';

describe('HLS master playlist parts', () => {
  it('names the H.264 codec from the avcC box of an init segment (profile, constraint flags, level)', () => {
    // …avcC, version 1, Main profile (0x4d), flags 0x40, level 3.1 (0x1f)…
    const init = Buffer.concat([Buffer.alloc(20), Buffer.from('avcC'), Buffer.from([0x01, 0x4d, 0x40, 0x1f, 0xff])]);
    expect(avcCodecOf(init)).toBe('avc1.4d401f');
    expect(() => avcCodecOf(Buffer.from('ftypiso5 no video here'))).toThrow('no H.264 configuration');
  });

  it('reads segment URIs with their EXTINF durations and skips tags', () => {
    const playlist =
      '#EXTM3U\n#EXT-X-MAP:URI="init.mp4"\n#EXTINF:1.000000,\nsegment_0000.m4s\n#EXTINF:0.500,\nsegment_0001.m4s\n#EXT-X-ENDLIST\n';
    expect(segmentsOf(playlist)).toEqual([
      { uri: 'segment_0000.m4s', seconds: 1 },
      { uri: 'segment_0001.m4s', seconds: 0.5 },
    ]);
  });

  it('writes one STREAM-INF per variant, in order, each followed by its playlist', () => {
    const text = masterPlaylist([
      {
        playlist: '720p/index.m3u8',
        width: 1280,
        height: 720,
        bandwidth: 900_000,
        averageBandwidth: 700_000,
        codecs: 'avc1.4d401f,mp4a.40.2',
      },
      { playlist: '360p/index.m3u8', width: 640, height: 360, bandwidth: 300_000, averageBandwidth: 250_000, codecs: 'avc1.4d401e' },
    ]);
    expect(text.split('\n')).toEqual([
      '#EXTM3U',
      '#EXT-X-VERSION:7',
      '#EXT-X-INDEPENDENT-SEGMENTS',
      '#EXT-X-STREAM-INF:BANDWIDTH=900000,AVERAGE-BANDWIDTH=700000,RESOLUTION=1280x720,CODECS="avc1.4d401f,mp4a.40.2"',
      '720p/index.m3u8',
      '#EXT-X-STREAM-INF:BANDWIDTH=300000,AVERAGE-BANDWIDTH=250000,RESOLUTION=640x360,CODECS="avc1.4d401e"',
      '360p/index.m3u8',
      '',
    ]);
  });
});
