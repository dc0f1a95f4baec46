// 报送公钥: the district's public key, handed once to every school (USB stick or mail) so that the
// bundles they make are sealed for the district alone; the schools check its fingerprint. The core
// writes the file's text (district.info); the shell saves it (a kind of file it allows).
import { useEffect, useState } from 'react';
import { FormError } from '../../forms/FormError';
import { useCommand } from '../../forms/useCommand';
import { districtCall, fileBase64, type DistrictOutputOf } from '../../district-client';
import { errorInfo, type LedgerErrorInfo } from '../../ledger-client';
import { notify } from '../../stores/notices';

/** `version` changes after every write of the screen: a renamed district's key file carries the new name. */
export function DistrictKeyCard({ version }: { version: number }) {
  const [info, setInfo] = useState<DistrictOutputOf<'district.info'> | null>(null);
  const [error, setError] = useState<LedgerErrorInfo | null>(null);
  useEffect(() => void districtCall('district.info', {}).then(setInfo, (e: unknown) => setError(errorInfo(e))), [version]);
  const save = useCommand(async () => {
    if (!info) return;
    const base64 = await fileBase64(new Blob([info.keyFile.text]));
    const saved = await window.host.saveFile({ base64, fileName: info.keyFile.fileName });
    if (saved) notify('ok', '报送公钥文件已保存，请交给各校在“设置 → 报送”中导入。');
  });
  return (
    <section className="card" aria-label="报送公钥">
      <div className="card-head">
        <h2>报送公钥</h2>
        <div className="actions">
          <button type="button" className="btn" disabled={!info || save.busy} onClick={() => void save.run()}>
            保存公钥文件…
          </button>
        </div>
      </div>
      <p className="muted small">
        把公钥文件交给各校（U 盘或电子邮件），学校在“设置 → 报送”中导入一次，此后的报送包只有区里能打开。请各校核对公钥指纹：
        <span data-testid="district-key-fingerprint">{info?.fingerprint ?? '……'}</span>
      </p>
      <FormError error={error ?? save.error} />
    </section>
  );
}
