#!/usr/bin/env python3
"""Writes the console's alert chime (src/main/resources/dev/baton/console/sound/chime.wav).

Synthesised here, no third-party audio: two soft sine notes (A5 then E6) with a quick attack and
an exponential decay, 0.7 s, 22.05 kHz, 16-bit mono. Run it again only to change the sound.
"""
import math
import pathlib
import struct
import wave

RATE = 22050
NOTES = [(880.0, 0.0, 0.45), (1318.5, 0.22, 0.48)]  # frequency, start s, length s
LENGTH = 0.72
out = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/dev/baton/console/sound/chime.wav"

samples = []
for i in range(int(RATE * LENGTH)):
    t = i / RATE
    value = 0.0
    for freq, start, length in NOTES:
        u = t - start
        if 0 <= u < length:
            attack = min(1.0, u / 0.01)
            decay = math.exp(-5.0 * u / length)
            # a touch of the octave makes it a bell rather than a beep
            value += attack * decay * (math.sin(2 * math.pi * freq * u) + 0.25 * math.sin(4 * math.pi * freq * u))
    samples.append(max(-1.0, min(1.0, 0.45 * value)))

with wave.open(str(out), "wb") as w:
    w.setnchannels(1)
    w.setsampwidth(2)
    w.setframerate(RATE)
    w.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))
print(out, len(samples), "samples")
