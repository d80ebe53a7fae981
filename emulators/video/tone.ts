// A short tone as a WAV file: the emulator's stand-in for an answer recording, so the
// candidate page's player really plays something in the demo. Built once, in memory.
const SAMPLE_RATE = 8_000;
const SECONDS = 2;

let cached: Buffer | undefined;

export function toneWav(): Buffer {
  if (cached) return cached;
  const samples = SAMPLE_RATE * SECONDS;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write("RIFF", 0, "ascii");
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write("WAVE", 8, "ascii");
  wav.write("fmt ", 12, "ascii");
  wav.writeUInt32LE(16, 16); // PCM header size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(SAMPLE_RATE, 24);
  wav.writeUInt32LE(SAMPLE_RATE * 2, 28); // bytes per second
  wav.writeUInt16LE(2, 32); // bytes per frame
  wav.writeUInt16LE(16, 34); // bits per sample
  wav.write("data", 36, "ascii");
  wav.writeUInt32LE(samples * 2, 40);
  for (let index = 0; index < samples; index += 1) {
    const fade = Math.min(1, index / 400, (samples - index) / 400);
    wav.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * index) / SAMPLE_RATE) * 8_000 * fade), 44 + index * 2);
  }
  cached = wav;
  return wav;
}
