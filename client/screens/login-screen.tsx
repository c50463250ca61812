/**
 * Login while online; offline the same password unlocks the tablet through the on-device verifier. A
 * failure says why in the app language: a wrong password in its own words, anything else (no network for
 * a user new to this tablet, a timeout, a 429, a 5xx, a proxy's page) as the failure's sentence
 * (client/sync/login-text.ts), its technical text under a collapsed "Details".
 */
import { type FormEvent, useState } from 'react';
import type { ApiUser } from '../../server/contract/auth.ts';
import { BannerContent, type BannerText } from '../error-note.tsx';
import { type MessageKey, useI18n } from '../i18n.ts';

export interface LoginShown {
  ok: boolean;
  message: MessageKey | null;
  failure?: BannerText | null;
  user?: ApiUser;
}

interface Props {
  login: (username: string, password: string) => Promise<LoginShown>;
}

export function LoginScreen({ login }: Props) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [shown, setShown] = useState<LoginShown | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setShown(null);
    const result = await login(username.trim(), password);
    setBusy(false);
    if (!result.ok) setShown(result);
  };

  return (
    <form className="login" onSubmit={(e) => void submit(e)}>
      <h1>{t('login.title')}</h1>
      <label>
        {t('login.username')}
        <input
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
      </label>
      <label>
        {t('login.password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      {shown && (shown.message || shown.failure) && (
        <div className="message error" role="alert" data-testid="login-error">
          {shown.message && <p>{t(shown.message)}</p>}
          {shown.failure && <BannerContent value={shown.failure} />}
        </div>
      )}
      <button type="submit" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}
