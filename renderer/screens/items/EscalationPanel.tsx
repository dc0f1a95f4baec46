// 上报集团 (集团化办学, R2): on a campus item the action, offered only when the core offers it
// (detail.sendUp), asked first with what will happen; and the link both ways — the campus item
// names the 集团's item it went up as, the 集团's item the campus item it came from. The other
// side belongs to another organisation: the link switches to it (when the core lets this
// operator work there) and opens the item.
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RuleTag } from '../../components/RuleTag';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import type { ItemDetail } from '../../stores/items';
import { notify } from '../../stores/notices';
import { useOrgs } from '../../stores/orgs';

type Link = NonNullable<ItemDetail['escalation']['up']>;

function OtherSide({ link }: { link: Link }) {
  const { mayUse, switchTo } = useOrgs();
  if (!mayUse(link.orgId)) return <strong>「{link.title}」</strong>;
  return (
    <button className="linklike" data-testid="escalation-link" onClick={() => void switchTo(link.orgId, { section: 'items', id: link.itemId })}>
      「{link.title}」
    </button>
  );
}

/** The link both ways, above the item's facts. */
export function EscalationNotice({ detail }: { detail: ItemDetail }) {
  const { up, from } = detail.escalation;
  if (up) {
    return (
      <div className="notice info" role="status" data-testid="escalation-up">
        本议题已上报<strong>{up.orgName}</strong>，由集团党委作为议题 <OtherSide link={up} /> 办理，目前状态：{up.stateLabel}。
      </div>
    );
  }
  if (from) {
    return (
      <div className="notice info" role="status" data-testid="escalation-from">
        本议题由<strong>{from.orgName}</strong>上报集团党委，原议题 <OtherSide link={from} />。
      </div>
    );
  }
  return null;
}

/** 上报集团…: the action with its confirmation; nothing when the core does not offer it. */
export function SendUpCard({ detail, onDone }: { detail: ItemDetail; onDone(): void }) {
  const offer = detail.sendUp;
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const send = useCommand(async () => {
    const out = await call('group.escalate', { itemId: detail.item.id, reason });
    setAsking(false);
    notify('ok', `议题已上报${out.groupName}。`);
    onDone();
  });
  if (!offer) return null;
  return (
    <section className="card" aria-label="上报集团">
      <h2>上报集团</h2>
      {offer.required ? (
        <p className="notice warn">
          本议题属于三重一大事项，超过本校区的决策权限，应报{offer.groupName}决定，本校区党组织会议不作决定<RuleTag rule="R2" />。
        </p>
      ) : (
        <p className="muted small">需要由集团党委决定的议题，可以上报{offer.groupName}。</p>
      )}
      <button className={`btn${offer.required ? ' primary' : ''}`} onClick={() => { send.clear(); setAsking(true); }}>
        上报集团…
      </button>
      {asking && (
        <ConfirmDialog
          title={`上报${offer.groupName}？`}
          consequence={offer.consequence}
          confirmLabel="上报集团"
          cancelLabel="暂不上报"
          busy={send.busy}
          onConfirm={() => void send.run()}
          onCancel={() => setAsking(false)}
        >
          <Field label="上报理由" required error={errorFor(send.error, 'reason')}>
            <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：金额超过校区标准，须由集团党委决定" />
          </Field>
          <FormError error={send.error} fields={['reason']} />
        </ConfirmDialog>
      )}
    </section>
  );
}
