import felix from 'virtual:masko/felix';
import { MaskoMascot } from 'masko-mascot/react';
import { useState } from 'react';

type Pose = keyof typeof felix.poses;

/** The mascot, a button per pose, and the last event: the React wrapper's typed props and events. */
export function App() {
  const [pose, setPose] = useState<Pose>(felix.initial);
  const [status, setStatus] = useState('loading…');
  return (
    <main>
      <MaskoMascot
        manifest={felix}
        pose={pose}
        alt={felix.name}
        loading="eager"
        style={{ width: 240 }}
        onMaskoLoad={(event) => setStatus(`playing ${event.detail.format}`)}
        onMaskoPoseChange={(event) => setStatus(`on screen: ${event.detail.to}`)}
        onMaskoError={(event) => setStatus(`error (${event.detail.reason}): ${event.detail.message}`)}
      />
      <p id="status">{status}</p>
      {(Object.keys(felix.poses) as Pose[]).map((name) => (
        <button key={name} type="button" aria-pressed={name === pose} onClick={() => setPose(name)}>
          {name}
        </button>
      ))}
    </main>
  );
}
