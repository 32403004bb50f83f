import type { AgeBand } from '../episodes/age-band';
import type { EpisodeInput } from '../episodes/episode';

/** One demo show: its id, title, band and the titles of its five episodes. */
interface DemoShow {
  showId: string;
  title: string;
  ageBand: AgeBand;
  tags: string[];
  episodes: string[];
}

/** The six demo shows, two per band; `show-mikas-1` (6-11) holds `ep-demo-1`. */
export const DEMO_SHOWS: readonly DemoShow[] = [
  {
    showId: 'show-mikas-1',
    title: "Mika's Missions",
    ageBand: '6-11',
    tags: ['problem-solving', 'teamwork'],
    episodes: [
      'The Lost Lighthouse Key',
      'Bridge of Ten Planks',
      'The Secret of the Silent Bell',
      'Map Without a North',
      'The Clockwork Garden',
    ],
  },
  {
    showId: 'show-robot-workshop',
    title: 'Robot Workshop',
    ageBand: '6-11',
    tags: ['engineering', 'coding'],
    episodes: [
      'Bolt Learns to Balance',
      'Gears That Sing',
      'A Robot for Rainy Days',
      'The Loop That Never Stopped',
      'Sensor Hide-and-Seek',
    ],
  },
  {
    showId: 'show-tiny-tides',
    title: 'Tiny Tides',
    ageBand: '3-5',
    tags: ['nature', 'colours'],
    episodes: ['Shells of Every Colour', 'Crab Says Hello', 'The Sleepy Starfish', 'Puddles and Pebbles', 'Little Wave, Big Wave'],
  },
  {
    showId: 'show-counting-critters',
    title: 'Counting Critters',
    ageBand: '3-5',
    tags: ['counting', 'animals'],
    episodes: ['One Owl, Two Owls', 'Five Frogs on a Log', 'Ten Tiny Ants', 'Hop to Twenty', 'Counting Sheep at Sunset'],
  },
  {
    showId: 'show-code-crew',
    title: 'Code Crew',
    ageBand: '12-16',
    tags: ['coding', 'logic'],
    episodes: ['Hello, Terminal', 'Debugging the Drone', 'Arrays on Parade', 'The Recursive Maze', 'Ship It by Friday'],
  },
  {
    showId: 'show-planet-lab',
    title: 'Planet Lab',
    ageBand: '12-16',
    tags: ['science', 'climate'],
    episodes: ['Why the Sky Is Blue', 'Carbon on the Move', 'Volcano Week', 'Oceans in a Jar', 'The Physics of a Snowflake'],
  },
];

/** Length of each demo clip (the generated HLS media is this long). */
export const DEMO_CLIP_MS = 6_000;

/** The first demo publication instant; `ep-demo-N` is published N hours later, so `ep-demo-30` is the newest. */
const FIRST_PUBLISHED_MS = Date.UTC(2026, 10, 1, 8, 0, 0);

/** The ~30 demo episodes (`ep-demo-1` … `ep-demo-30`), five per show, each with one 360p HLS rendition and a thumbnail in the media store. */
export function demoEpisodes(): EpisodeInput[] {
  return DEMO_SHOWS.flatMap((show, s) =>
    show.episodes.map((title, e): EpisodeInput => {
      const n = s * show.episodes.length + e + 1;
      const episodeId = `ep-demo-${n}`;
      return {
        episodeId,
        showId: show.showId,
        title,
        summary: `${show.title}, episode ${e + 1}: ${title}.`,
        ageBand: show.ageBand,
        durationMs: DEMO_CLIP_MS,
        learningTags: [...show.tags],
        playbackReady: true,
        thumbnail: `episodes/${episodeId}/thumb.jpg`,
        publishedAt: new Date(FIRST_PUBLISHED_MS + n * 3_600_000).toISOString(),
        renditions: [{ profile: '360p', storageKey: `episodes/${episodeId}/index.m3u8` }],
      };
    }),
  );
}
