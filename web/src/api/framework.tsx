/**
 * The framework the secretariat serves: its name, bodies, their questions and the members. Read
 * once per login; every form that names a body or a state takes its choices from here.
 */
import { createContext, use, type ReactNode } from 'react';
import { useLabels } from '../i18n/labels';
import { useApi } from './hooks';
import type { Framework } from './types';

const FrameworkContext = createContext<Framework | undefined>(undefined);

export function FrameworkProvider({ children }: { readonly children: ReactNode }): ReactNode {
  const { data } = useApi<Framework>('/api/framework');
  return <FrameworkContext value={data}>{children}</FrameworkContext>;
}

export function useFramework(): Framework | undefined {
  return use(FrameworkContext);
}

/** A state's name in the reader's language: the framework's for its members, the desk's own for others, else its code. */
export function useStateName(): (code: string) => string {
  const framework = useFramework();
  const labels = useLabels();
  return (code) => {
    const name = framework?.names[code];
    return name ? labels.pick(name) : labels.state(code);
  };
}

/** A body's name in the reader's language, or its id until the framework has loaded. */
export function useBodyName(): (id: string) => string {
  const framework = useFramework();
  const { pick } = useLabels();
  return (id) => {
    const body = framework?.bodies.find((b) => b.id === id);
    return body ? pick(body.name) : id;
  };
}
