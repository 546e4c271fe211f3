import { translate } from '../i18n/messages.ts';
import { cancelJob } from '../services/plan-jobs.ts';
import { usePlanner } from '../state/store.ts';

/** The running worker job: what it does, a progress bar and a cancel button. */
export function JobBar() {
  const job = usePlanner((state) => state.job);
  const language = usePlanner((state) => state.language);
  if (!job) return null;
  const percent = Math.round(job.progress * 100);
  return (
    <div className="job-bar" role="status" data-testid="job-bar">
      <span className="job-label">{language === 'zh-CN' ? job.label.zh : job.label.en}</span>
      <progress className="job-progress" max={100} value={percent} />
      <span className="job-percent">{percent}%</span>
      <button type="button" className="job-cancel" onClick={cancelJob}>
        {translate(language, 'job.cancel')}
      </button>
    </div>
  );
}
