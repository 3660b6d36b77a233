import type { PositionView } from '@zhucheng/contracts';
import { useEffect, useMemo, useState } from 'react';
import { type ReplayFrame, type ReplaySpeed, replayFrame } from './situation-options.ts';

/** How often the playing replay moves its marker (ms of real time). */
const TICK_MS = 100;

export interface Replay {
  frame: ReplayFrame | null;
  playing: boolean;
  speed: ReplaySpeed;
  setSpeed(speed: ReplaySpeed): void;
  play(): void;
  pause(): void;
  /** Jump to a fix (the slider). */
  seek(index: number): void;
}

/**
 * The replay clock of a track: a time between its first and last fix that runs at `speed` × real time while
 * playing and stops at the end. A new track starts paused at its first fix.
 */
export function useReplay(points: readonly PositionView[]): Replay {
  const first = points[0];
  const last = points[points.length - 1];
  const start = first ? Date.parse(first.time) : 0;
  const end = last ? Date.parse(last.time) : 0;
  const [t, setT] = useState(start);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<ReplaySpeed>(60);

  // A new track: back to its start, paused.
  useEffect(() => {
    setT(start);
    setPlaying(false);
  }, [start]);

  useEffect(() => {
    if (!playing) return;
    let before = performance.now();
    const timer = window.setInterval(() => {
      const now = performance.now();
      const step = (now - before) * speed;
      before = now;
      setT((prev) => Math.min(end, prev + step));
    }, TICK_MS);
    return () => window.clearInterval(timer);
  }, [playing, speed, end]);

  useEffect(() => {
    if (playing && t >= end) setPlaying(false);
  }, [playing, t, end]);

  const frame = useMemo(() => replayFrame(points, t), [points, t]);

  return {
    frame,
    playing,
    speed,
    setSpeed,
    play: () => {
      if (t >= end) setT(start);
      setPlaying(true);
    },
    pause: () => setPlaying(false),
    seek: (index: number) => {
      const p = points[Math.max(0, Math.min(points.length - 1, index))];
      // Urgent, so the slider always steps from where it shows; the map draws the frame deferred (map page).
      if (p) setT(Date.parse(p.time));
    },
  };
}
