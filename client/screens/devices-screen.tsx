/**
 * The coordinator's tablets: each enumerator's device, its last contact and state, and "Revoke" (the
 * tablet then sends what is unsent at its next contact and deletes its data and keys; see
 * client/sync/retire.ts).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Device } from '../../server/contract/devices.ts';
import { BannerContent, type BannerText } from '../error-note.tsx';
import { useStaffT } from '../review/messages.ts';
import { fetchDevices, problemText, revokeDevice } from '../review/review-api.ts';

export function DevicesScreen() {
  const { t } = useStaffT();
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [error, setError] = useState<BannerText | null>(null);

  const load = useCallback(async () => {
    const r = await fetchDevices();
    if (r.kind === 'ok') setDevices(r.data);
    else setError(problemText(r));
  }, []);
  useEffect(() => void load(), [load]);

  const revoke = async (d: Device) => {
    if (!globalThis.confirm?.(t('devices.confirm'))) return;
    const r = await revokeDevice(d.deviceId);
    if (r.kind !== 'ok') setError(problemText(r));
    await load();
  };

  return (
    <section data-testid="devices">
      <h1>{t('devices.title')}</h1>
      {error && (
        <div className="banner warn" role="alert">
          <BannerContent value={error} />
        </div>
      )}
      {devices?.length === 0 && <p>{t('devices.none')}</p>}
      {devices && devices.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('devices.enumerator')}</th>
              <th>{t('devices.device')}</th>
              <th>{t('devices.lastSeen')}</th>
              <th>{t('devices.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.deviceId} data-testid={`device-${d.deviceId}`} data-status={d.status}>
                <td>{d.displayName}</td>
                <td>{d.deviceId}</td>
                <td>{new Date(d.lastSeenAt).toLocaleString()}</td>
                <td>{t(`devices.status.${d.status}`)}</td>
                <td>
                  {d.status === 'active' && (
                    <button type="button" onClick={() => void revoke(d)}>
                      {t('devices.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
