/**
 * A 1–5 star rating made of native radio buttons: a tap, a click or the keyboard (Tab into the
 * group, arrow keys to move, Space to pick) all work, and a screen reader announces "2 星, 2 of 5".
 * antd-mobile's Rate listens to touch and mouse drags only and marks every lit star as checked.
 */
import { useId } from 'react';
import { citizenMessages } from './messages.js';
import './StarRating.css';

function Star() {
  return (
    <svg viewBox="0 0 42 40" aria-hidden="true" focusable="false">
      <path
        d="m21 34-10.52 5.53a2 2 0 0 1-2.902-2.108l2.01-11.714-8.511-8.296a2 2 0 0 1 1.108-3.411l11.762-1.71 5.26-10.657a2 2 0 0 1 3.586 0l5.26 10.658L39.815 14a2 2 0 0 1 1.108 3.411l-8.51 8.296 2.009 11.714a2 2 0 0 1-2.902 2.109L21 34Z"
        fill="currentColor"
      />
    </svg>
  );
}

export function StarRating({
  value,
  onChange,
  label,
}: {
  value: number;
  onChange: (score: number) => void;
  label: string;
}) {
  const t = citizenMessages.useT();
  const name = useId();
  return (
    <div role="radiogroup" aria-label={label} className="star-rating">
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} className={n <= value ? 'star-rating-star star-rating-lit' : 'star-rating-star'}>
          <input
            type="radio"
            name={name}
            value={n}
            checked={value === n}
            onChange={() => onChange(n)}
            aria-label={n === 1 ? t('oneStar') : t('stars', { n })}
          />
          <Star />
        </span>
      ))}
    </div>
  );
}
