// The README quickstart, appended to the template's src/main.ts.
import 'masko-mascot';
import felix from 'virtual:masko/felix';
import type { MaskoMascot } from 'masko-mascot';

const mascot = document.createElement('masko-mascot') as MaskoMascot<typeof felix>;
mascot.manifest = felix;
mascot.alt = 'Felix the Fox';
document.querySelector('#app')!.prepend(mascot);
