import { useEffect, useRef, useState } from 'react';
import {
  type BaseMapSetting,
  GCJ02_NOTE,
  looksLikeGcj02,
  parseTileTemplate,
} from '../core/base-map-setting.ts';
import type { Message } from '../core/types.ts';
import { type ContextMessageKey, contextText } from '../i18n/context-messages.ts';
import { saveBaseMap } from '../services/base-map.ts';
import { plannerStore, usePlanner } from '../state/store.ts';

type Kind = 'none' | 'tiles' | 'pmtiles';

/**
 * The base map setting: none, an intranet tile template (showing, before it is saved, the one
 * origin the page will then contact) or a local PMTiles file; GCJ-02 marked by hand or guessed
 * from the address, with the reason.
 */
export function BaseMapDialog({ onClose }: { onClose: () => void }) {
  const language = usePlanner((state) => state.language);
  const current = usePlanner((state) => state.baseMap?.setting ?? null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [kind, setKind] = useState<Kind>(current?.kind ?? 'none');
  const [template, setTemplate] = useState(current?.kind === 'tiles' ? current.template : '');
  const [file, setFile] = useState<File | null>(null);
  const [gcj02, setGcj02] = useState(current?.gcj02 ?? false);
  const [problem, setProblem] = useState<Message | null>(null);
  const t = (key: ContextMessageKey, values?: Record<string, string | number>) =>
    contextText(language, key, values);
  const text = (message: Message) => (language === 'zh-CN' ? message.zh : message.en);
  const isSingleFile = window.location.protocol === 'file:';

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const parsed = kind === 'tiles' && template.trim() !== '' ? parseTileTemplate(template) : null;
  const guessed = parsed?.ok === true && looksLikeGcj02(parsed.template);
  const setting: BaseMapSetting | null | undefined =
    kind === 'none'
      ? null
      : kind === 'tiles'
        ? parsed?.ok
          ? { kind: 'tiles', template: parsed.template, origin: parsed.origin, gcj02 }
          : undefined
        : file
          ? { kind: 'pmtiles', fileName: file.name, gcj02 }
          : undefined;

  const save = async () => {
    if (setting === undefined) return;
    const refused = await saveBaseMap(plannerStore, setting, file ?? undefined);
    if (refused) setProblem(refused);
    else onClose();
  };

  return (
    <dialog
      ref={dialogRef}
      className="import-dialog basemap-dialog"
      aria-label={t('basemap.title')}
      data-testid="basemap-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="import-header">
        <h2>{t('basemap.title')}</h2>
      </header>
      <div className="basemap-body">
        <p>{t('basemap.intro')}</p>
        {(['none', 'tiles', 'pmtiles'] as const).map((option) => (
          <label key={option} className="basemap-kind">
            <input
              type="radio"
              name="basemap-kind"
              value={option}
              checked={kind === option}
              disabled={option === 'tiles' && isSingleFile}
              onChange={() => {
                setKind(option);
                setProblem(null);
              }}
            />
            {t(`basemap.kind.${option}`)}
          </label>
        ))}
        {isSingleFile && <p className="basemap-note">{t('basemap.singleFile')}</p>}
        {kind === 'tiles' && (
          <>
            <input
              type="text"
              className="basemap-template"
              value={template}
              placeholder={t('basemap.template')}
              aria-label={t('basemap.template')}
              data-testid="basemap-template"
              onChange={(event) => {
                setTemplate(event.target.value);
                const next = parseTileTemplate(event.target.value);
                if (next.ok && looksLikeGcj02(next.template)) setGcj02(true);
              }}
            />
            {parsed && !parsed.ok && <p className="basemap-problem">{text(parsed.message)}</p>}
            {parsed?.ok && (
              <p className="basemap-origin" data-testid="basemap-origin">
                {t('basemap.origin', { origin: parsed.origin })}
                <br />
                {t('basemap.reload')}
              </p>
            )}
          </>
        )}
        {kind === 'pmtiles' && (
          <>
            <input
              type="file"
              accept=".pmtiles"
              aria-label={t('basemap.file')}
              data-testid="basemap-file"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setProblem(null);
              }}
            />
            {file && <p className="basemap-origin">{t('basemap.fileChosen', { file: file.name })}</p>}
          </>
        )}
        {kind === 'none' && <p className="basemap-origin">{t('basemap.originNone')}</p>}
        {kind !== 'none' && (
          <>
            <label className="basemap-kind">
              <input
                type="checkbox"
                checked={gcj02}
                data-testid="basemap-gcj02"
                onChange={(event) => setGcj02(event.target.checked)}
              />
              {t('basemap.gcj02')}
            </label>
            {guessed && <p className="basemap-note">{t('basemap.gcj02Guess')}</p>}
            {gcj02 && (
              <p className="basemap-note" data-testid="basemap-gcj02-note">
                {text(GCJ02_NOTE)}
              </p>
            )}
          </>
        )}
        {problem && <p className="basemap-problem">{text(problem)}</p>}
      </div>
      <footer className="import-footer">
        <button type="button" onClick={onClose}>
          {t('basemap.cancel')}
        </button>
        <button type="button" disabled={setting === undefined} onClick={save} data-testid="basemap-save">
          {t('basemap.save')}
        </button>
      </footer>
    </dialog>
  );
}
