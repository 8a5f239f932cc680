// A Server Component: it imports the typed manifest and renders the client wrapper directly.
import { MaskoMascot } from 'masko-mascot/react';
import felix from '@/masko/felix';

export default function Page() {
  return (
    <main>
      <h1>Felix</h1>
      <MaskoMascot manifest={felix} pose="Idle" alt="Felix the Fox" />
      <p id="below">Text below the mascot.</p>
    </main>
  );
}
