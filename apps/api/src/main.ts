import { runPlatform } from './platform-main.ts';

// The shipped entry: `npm start`. Everything it does is in platform-main.ts.
runPlatform();
