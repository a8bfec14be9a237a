// Bytes of a file → text. YAML files are UTF-8 almost always, but Windows editors still save UTF-16 with a
// byte-order mark, and some tools add a UTF-8 BOM. Those are decoded (the BOM is dropped); UTF-32 is refused
// with a reason rather than analysed as garbage. Without a BOM the bytes are read as UTF-8, as YAML 1.2 says.

export type DecodedText =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' }
  | { ok: false; message: string };

export function decodeText(bytes: Uint8Array): DecodedText {
  const b = bytes;
  if (
    b.length >= 4 &&
    ((b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) ||
      (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff))
  ) {
    return { ok: false, message: 'UTF-32 text is not supported; save the file as UTF-8' };
  }
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return { ok: true, text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'utf-8-bom' };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe)
    return { ok: true, text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16le' };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff)
    return { ok: true, text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16be' };
  return { ok: true, text: new TextDecoder('utf-8').decode(b), encoding: 'utf-8' };
}
